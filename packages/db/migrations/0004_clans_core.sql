CREATE TABLE "clan_invites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clan_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"uses" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "clan_invites_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "clan_join_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clan_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	CONSTRAINT "clan_join_requests_status_known" CHECK ("clan_join_requests"."status" in ('pending', 'approved', 'denied', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "clan_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "clan_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clan_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clan_members_role_known" CHECK ("clan_members"."role" in ('leader', 'co_leader', 'member'))
);
--> statement-breakpoint
CREATE TABLE "clans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"avatar_url" text,
	"trading_focus" text NOT NULL,
	"privacy" text NOT NULL,
	"plan" text DEFAULT 'free' NOT NULL,
	"telegram_url" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"disbanded_at" timestamp with time zone,
	CONSTRAINT "clans_privacy_known" CHECK ("clans"."privacy" in ('open', 'request', 'invite')),
	CONSTRAINT "clans_plan_known" CHECK ("clans"."plan" in ('free', 'pro'))
);
--> statement-breakpoint
ALTER TABLE "clan_invites" ADD CONSTRAINT "clan_invites_clan_id_clans_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan_invites" ADD CONSTRAINT "clan_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan_join_requests" ADD CONSTRAINT "clan_join_requests_clan_id_clans_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan_join_requests" ADD CONSTRAINT "clan_join_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan_members" ADD CONSTRAINT "clan_members_clan_id_clans_id_fk" FOREIGN KEY ("clan_id") REFERENCES "public"."clans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clan_members" ADD CONSTRAINT "clan_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clans" ADD CONSTRAINT "clans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clan_invites_clan_idx" ON "clan_invites" USING btree ("clan_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "clan_join_requests_one_pending" ON "clan_join_requests" USING btree ("clan_id","user_id") WHERE "clan_join_requests"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "clan_join_requests_clan_status_idx" ON "clan_join_requests" USING btree ("clan_id","status","id");--> statement-breakpoint
CREATE INDEX "clan_join_requests_user_idx" ON "clan_join_requests" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clan_members_clan_user_unique" ON "clan_members" USING btree ("clan_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clan_members_user_unique" ON "clan_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "clan_members_one_leader" ON "clan_members" USING btree ("clan_id") WHERE "clan_members"."role" = 'leader';--> statement-breakpoint
CREATE UNIQUE INDEX "clans_name_lower_unique" ON "clans" USING btree (lower("name")) WHERE "clans"."disbanded_at" is null;--> statement-breakpoint
CREATE INDEX "clans_active_id_idx" ON "clans" USING btree ("id") WHERE "clans"."disbanded_at" is null;