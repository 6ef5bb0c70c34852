ALTER TABLE "balance_operations" DROP CONSTRAINT "balance_operations_account_key_unique";--> statement-breakpoint
ALTER TABLE "trades" DROP CONSTRAINT "trades_account_ticket_unique";--> statement-breakpoint
ALTER TABLE "trading_accounts" DROP CONSTRAINT "trading_accounts_user_key_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "balance_operations_account_key_unique" ON "balance_operations" USING btree ("trading_account_id","op_key");--> statement-breakpoint
CREATE UNIQUE INDEX "trades_account_ticket_unique" ON "trades" USING btree ("trading_account_id","ticket");--> statement-breakpoint
CREATE UNIQUE INDEX "trading_accounts_user_key_unique" ON "trading_accounts" USING btree ("user_id","account_key");