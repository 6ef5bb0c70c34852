CREATE TABLE "chat_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"party" text NOT NULL,
	"room" text NOT NULL,
	"seq" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"edited_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"pinned_at" timestamp with time zone,
	"pinned_by" uuid,
	CONSTRAINT "chat_messages_seq_positive" CHECK ("chat_messages"."seq" > 0),
	CONSTRAINT "chat_messages_text_size" CHECK (octet_length("chat_messages"."text") <= 4096)
);
--> statement-breakpoint
CREATE TABLE "chat_read_markers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chat_read_markers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"party" text NOT NULL,
	"room" text NOT NULL,
	"user_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_read_markers_seq_nonnegative" CHECK ("chat_read_markers"."seq" >= 0)
);
--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_messages" ADD CONSTRAINT "chat_messages_pinned_by_users_id_fk" FOREIGN KEY ("pinned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chat_read_markers" ADD CONSTRAINT "chat_read_markers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_room_seq_unique" ON "chat_messages" USING btree ("party","room","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "chat_messages_client_id_unique" ON "chat_messages" USING btree ("party","room","author_id","client_id");--> statement-breakpoint
CREATE INDEX "chat_messages_pins_idx" ON "chat_messages" USING btree ("party","room") WHERE "chat_messages"."pinned_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "chat_read_markers_user_room_unique" ON "chat_read_markers" USING btree ("user_id","party","room");