CREATE TABLE "leaderboard_entries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "leaderboard_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"season_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"eligible" boolean NOT NULL,
	"score" double precision,
	"tier" text,
	"components" jsonb,
	"return_pct" double precision NOT NULL,
	"sharpe" double precision,
	"max_drawdown_pct" double precision NOT NULL,
	"trades" integer NOT NULL,
	"trading_days" integer NOT NULL,
	"style" text,
	"instruments" text[] NOT NULL,
	"movement_direction" text NOT NULL,
	"movement_delta" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaderboard_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "leaderboard_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"season_id" text NOT NULL,
	"day" text NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "season_archives" (
	"season_id" text PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"standings" jsonb NOT NULL,
	"clans" jsonb NOT NULL,
	"awards" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "season_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "season_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"season_id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"eligible" boolean NOT NULL,
	"score" double precision,
	"tier" text,
	"awards" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" text PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"frozen_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	CONSTRAINT "seasons_status_known" CHECK ("seasons"."status" in ('open', 'frozen', 'archived'))
);
--> statement-breakpoint
ALTER TABLE "leaderboard_entries" ADD CONSTRAINT "leaderboard_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_archives" ADD CONSTRAINT "season_archives_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_results" ADD CONSTRAINT "season_results_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_entries_season_position_idx" ON "leaderboard_entries" USING btree ("season_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_entries_season_user_idx" ON "leaderboard_entries" USING btree ("season_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leaderboard_snapshots_season_day_user_idx" ON "leaderboard_snapshots" USING btree ("season_id","day","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "season_results_season_user_idx" ON "season_results" USING btree ("season_id","user_id");--> statement-breakpoint
CREATE INDEX "season_results_user_idx" ON "season_results" USING btree ("user_id","season_id");--> statement-breakpoint
CREATE INDEX "seasons_status_ends_idx" ON "seasons" USING btree ("status","ends_at");