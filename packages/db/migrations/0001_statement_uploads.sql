CREATE TABLE "balance_operations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "balance_operations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trading_account_id" uuid NOT NULL,
	"op_key" text NOT NULL,
	"statement_id" uuid,
	"ticket" text,
	"time" text NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"comment" text,
	CONSTRAINT "balance_operations_account_key_unique" UNIQUE("trading_account_id","op_key")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" integer NOT NULL,
	"blob_key" text NOT NULL,
	"status" text NOT NULL,
	"label" text NOT NULL,
	"file_hash" text,
	"content_hash" text,
	"account_key" text,
	"trading_account_id" uuid,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"report" jsonb,
	"reject_reason" text,
	"review_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_decision" text,
	"review_reason" text,
	"reverify_prompt" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	CONSTRAINT "statements_status_known" CHECK ("statements"."status" in ('pending', 'verified', 'needs_review', 'rejected', 'expired'))
);
--> statement-breakpoint
CREATE TABLE "trades" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trades_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trading_account_id" uuid NOT NULL,
	"ticket" text NOT NULL,
	"statement_id" uuid,
	"position_id" text,
	"open_time" text,
	"close_time" text NOT NULL,
	"side" text NOT NULL,
	"volume" text NOT NULL,
	"symbol" text NOT NULL,
	"open_price" text,
	"close_price" text,
	"commission" bigint NOT NULL,
	"fee" bigint NOT NULL,
	"swap" bigint NOT NULL,
	"profit" bigint NOT NULL,
	"magic" text,
	"comment" text,
	CONSTRAINT "trades_account_ticket_unique" UNIQUE("trading_account_id","ticket")
);
--> statement-breakpoint
CREATE TABLE "trading_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"account_key" text NOT NULL,
	"broker" text,
	"server" text,
	"currency" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "trading_accounts_user_key_unique" UNIQUE("user_id","account_key")
);
--> statement-breakpoint
ALTER TABLE "balance_operations" ADD CONSTRAINT "balance_operations_trading_account_id_trading_accounts_id_fk" FOREIGN KEY ("trading_account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "balance_operations" ADD CONSTRAINT "balance_operations_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_trading_account_id_trading_accounts_id_fk" FOREIGN KEY ("trading_account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_trading_account_id_trading_accounts_id_fk" FOREIGN KEY ("trading_account_id") REFERENCES "public"."trading_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trading_accounts" ADD CONSTRAINT "trading_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statements_user_id_idx" ON "statements" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "statements_status_id_idx" ON "statements" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "statements_file_hash_idx" ON "statements" USING btree ("file_hash");--> statement-breakpoint
CREATE INDEX "statements_content_hash_idx" ON "statements" USING btree ("content_hash");--> statement-breakpoint
CREATE INDEX "statements_account_key_idx" ON "statements" USING btree ("account_key");--> statement-breakpoint
CREATE INDEX "statements_trading_account_idx" ON "statements" USING btree ("trading_account_id","verified_at");--> statement-breakpoint
CREATE INDEX "trades_close_time_idx" ON "trades" USING btree ("trading_account_id","close_time");--> statement-breakpoint
CREATE INDEX "trading_accounts_key_idx" ON "trading_accounts" USING btree ("account_key");