CREATE TABLE "leaderboard_clan_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "leaderboard_clan_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"season_id" text NOT NULL,
	"clan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"score" double precision,
	"members" integer NOT NULL,
	"eligible_members" integer NOT NULL,
	"best_member_position" integer,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaderboard_highlights" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "leaderboard_highlights_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"season_id" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"detail" jsonb NOT NULL,
	"week_starts_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leaderboard_highlights_kind_known" CHECK ("leaderboard_highlights"."kind" in ('biggest_climber', 'most_consistent', 'highest_single_trade'))
);
--> statement-breakpoint
ALTER TABLE "leaderboard_snapshots" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "leaderboard_clan_entries" ADD CONSTRAINT "leaderboard_clan_entries_clan_id_clans_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leaderboard_highlights" ADD CONSTRAINT "leaderboard_highlights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_clan_entries_season_position_idx" ON "leaderboard_clan_entries" USING btree ("season_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_clan_entries_season_clan_idx" ON "leaderboard_clan_entries" USING btree ("season_id","clan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_highlights_season_kind_idx" ON "leaderboard_highlights" USING btree ("season_id","kind");