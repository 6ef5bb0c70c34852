-- The board is written under a new board id per recompute (leaderboard_boards) instead of
-- being deleted and re-inserted in place; snapshots are one row per day instead of one per
-- trader and day; component percentiles are typed columns instead of jsonb. A recompute of
-- 100,000 traders writes far fewer bytes and can write its rows from several connections.
-- Hand-edited after drizzle-kit generate: existing boards, snapshots and components are
-- carried over, not dropped.
CREATE TABLE "leaderboard_boards" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "leaderboard_boards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"season_id" text NOT NULL,
	"ready" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaderboard_day_snapshots" (
	"season_id" text NOT NULL,
	"day" text NOT NULL,
	"user_ids" uuid[] NOT NULL,
	"positions" integer[] NOT NULL,
	"tiers" text[] NOT NULL
);
--> statement-breakpoint
INSERT INTO "leaderboard_day_snapshots" ("season_id", "day", "user_ids", "positions", "tiers")
SELECT "season_id", "day", array_agg("user_id" ORDER BY "position"), array_agg("position" ORDER BY "position"), array_agg("tier" ORDER BY "position")
FROM "leaderboard_snapshots" GROUP BY "season_id", "day";--> statement-breakpoint
DROP TABLE "leaderboard_snapshots" CASCADE;--> statement-breakpoint
DROP INDEX "leaderboard_entries_season_position_idx";--> statement-breakpoint
DROP INDEX "leaderboard_entries_season_user_idx";--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ADD COLUMN "board" bigint;--> statement-breakpoint
INSERT INTO "leaderboard_boards" ("season_id", "ready", "created_at")
SELECT "season_id", true, max("updated_at") FROM "leaderboard_entries" GROUP BY "season_id" ORDER BY "season_id";--> statement-breakpoint
UPDATE "leaderboard_entries" e SET "board" = b."id" FROM "leaderboard_boards" b WHERE b."season_id" = e."season_id";--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ALTER COLUMN "board" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ADD COLUMN "component_return" double precision;--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ADD COLUMN "component_sharpe" double precision;--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ADD COLUMN "component_drawdown" double precision;--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ADD COLUMN "component_activity" double precision;--> statement-breakpoint
UPDATE "leaderboard_entries" SET
	"component_return" = ("components"->>'return')::double precision,
	"component_sharpe" = ("components"->>'sharpe')::double precision,
	"component_drawdown" = ("components"->>'drawdown')::double precision,
	"component_activity" = ("components"->>'activity')::double precision
WHERE "components" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "leaderboard_boards_season_idx" ON "leaderboard_boards" USING btree ("season_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_day_snapshots_season_day_idx" ON "leaderboard_day_snapshots" USING btree ("season_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_entries_board_position_idx" ON "leaderboard_entries" USING btree ("board","position");--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_entries_board_user_idx" ON "leaderboard_entries" USING btree ("board","user_id");--> statement-breakpoint
ALTER TABLE "leaderboard_entries" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "leaderboard_entries" DROP COLUMN "components";
