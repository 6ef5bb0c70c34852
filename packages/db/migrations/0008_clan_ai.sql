CREATE TABLE "clan_ai_summaries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "clan_ai_summaries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clan_id" uuid NOT NULL,
	"week" text NOT NULL,
	"week_start" timestamp with time zone NOT NULL,
	"week_end" timestamp with time zone NOT NULL,
	"text" text NOT NULL,
	"tier" text NOT NULL,
	"model" text NOT NULL,
	"provider_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clan_ai_summaries_tier_known" CHECK ("clan_ai_summaries"."tier" in ('cloud', 'local'))
);
--> statement-breakpoint
ALTER TABLE "clan_ai_summaries" ADD CONSTRAINT "clan_ai_summaries_clan_id_clans_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clan_ai_summaries_clan_week_unique" ON "clan_ai_summaries" USING btree ("clan_id","week");--> statement-breakpoint
CREATE INDEX "clan_ai_summaries_week_idx" ON "clan_ai_summaries" USING btree ("week");