CREATE TABLE "ai_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "ai_state_expires_idx" ON "ai_state" USING btree ("expires_at");