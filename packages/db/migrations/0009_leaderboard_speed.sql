ALTER TABLE "trades" ADD COLUMN "closed_at" timestamp;--> statement-breakpoint
ALTER TABLE "trades" ADD COLUMN "opened_at" timestamp;--> statement-breakpoint
ALTER TABLE "trades" ADD COLUMN "net" bigint GENERATED ALWAYS AS (profit + swap + commission + fee) STORED NOT NULL;--> statement-breakpoint
UPDATE "trades" t SET "closed_at" = t."close_time"::timestamp - make_interval(mins => o.off),
  "opened_at" = t."open_time"::timestamp - make_interval(mins => o.off)
FROM (
  SELECT ta."id", coalesce((
    SELECT (s."report"->'account'->>'serverUtcOffsetMinutes')::int FROM "statements" s
    WHERE s."trading_account_id" = ta."id" AND s."user_id" = ta."user_id" AND s."status" = 'verified'
    ORDER BY s."verified_at" DESC NULLS LAST LIMIT 1), 0) AS off
  FROM "trading_accounts" ta
) o
WHERE o."id" = t."trading_account_id";--> statement-breakpoint
ALTER TABLE "trades" ALTER COLUMN "closed_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "trades_closed_at_idx" ON "trades" USING btree ("trading_account_id","closed_at");
