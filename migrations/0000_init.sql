CREATE TABLE `appointment_slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`service_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`capacity` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `appointment_slots_service` ON `appointment_slots` (`service_id`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`code` text NOT NULL,
	`date` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`phone` text NOT NULL,
	`status` text DEFAULT 'booked' NOT NULL,
	`ticket_id` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_code_unique` ON `bookings` (`code`);--> statement-breakpoint
CREATE INDEX `bookings_slot` ON `bookings` (`service_id`,`date`,`start`);--> statement-breakpoint
CREATE INDEX `bookings_phone` ON `bookings` (`hall_id`,`phone`);--> statement-breakpoint
CREATE TABLE `case_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text DEFAULT '' NOT NULL,
	`user_id` integer,
	`user_name` text DEFAULT '' NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `rating_cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_steps_case` ON `case_steps` (`case_id`);--> statement-breakpoint
CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`kind` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`token_hash` text,
	`pairing_code` text,
	`pairing_expires_at` integer,
	`window_id` integer,
	`zone_id` integer,
	`printer_id` integer,
	`address` text,
	`settings` text DEFAULT '{}' NOT NULL,
	`state` text DEFAULT '{}' NOT NULL,
	`last_seen_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`window_id`) REFERENCES `windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_token_hash_unique` ON `devices` (`token_hash`);--> statement-breakpoint
CREATE INDEX `devices_hall` ON `devices` (`hall_id`);--> statement-breakpoint
CREATE INDEX `devices_pairing_code` ON `devices` (`pairing_code`);--> statement-breakpoint
CREATE TABLE `events` (
	`hall_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` integer,
	`actor_name` text DEFAULT '' NOT NULL,
	`ticket_id` integer,
	`window_id` integer,
	`reason` text,
	`data` text DEFAULT '{}' NOT NULL,
	PRIMARY KEY(`hall_id`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `events_ticket` ON `events` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `events_type` ON `events` (`hall_id`,`type`);--> statement-breakpoint
CREATE TABLE `halls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`timezone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`opening_hours` text DEFAULT '08:30-12:00,13:30-17:30' NOT NULL,
	`notice` text DEFAULT '' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL,
	`last_seq` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `halls_code_unique` ON `halls` (`code`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status_code` integer NOT NULL,
	`response` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_created` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
CREATE TABLE `rating_cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`rating_id` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`deadline` text NOT NULL,
	`appeal_status` text DEFAULT 'none' NOT NULL,
	`appeal_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_cases_rating_id_unique` ON `rating_cases` (`rating_id`);--> statement-breakpoint
CREATE INDEX `rating_cases_hall_status` ON `rating_cases` (`hall_id`,`status`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`window_id` integer,
	`clerk_id` integer,
	`level` integer NOT NULL,
	`reasons` text DEFAULT '[]' NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`channel` text NOT NULL,
	`excluded` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_ticket_id_unique` ON `ratings` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ratings_hall_time` ON `ratings` (`hall_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`zone_id` integer,
	`name` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`prefix` text NOT NULL,
	`daily_quota` integer,
	`opening_hours` text,
	`expected_minutes` integer DEFAULT 10 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `services_hall` ON `services` (`hall_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `ticket_counters` (
	`hall_id` integer NOT NULL,
	`service_day` text NOT NULL,
	`prefix` text NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`hall_id`, `service_day`, `prefix`)
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`service_day` text NOT NULL,
	`prefix` text NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`public_code` text NOT NULL,
	`service_id` integer NOT NULL,
	`original_service_id` integer NOT NULL,
	`priority` text DEFAULT 'normal' NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`issued_at` integer NOT NULL,
	`queued_at` integer NOT NULL,
	`target_window_id` integer,
	`window_id` integer,
	`clerk_id` integer,
	`called_at` integer,
	`first_called_at` integer,
	`serving_at` integer,
	`finished_at` integer,
	`no_show_at` integer,
	`held_at` integer,
	`cancelled_at` integer,
	`cancel_reason` text,
	`recall_count` integer DEFAULT 0 NOT NULL,
	`call_reason` text,
	`transfers` text DEFAULT '[]' NOT NULL,
	`phone` text,
	`booking_id` integer,
	`print_status` text,
	`rating_status` text,
	`rating_deadline` integer,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_public_code_unique` ON `tickets` (`public_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_number` ON `tickets` (`hall_id`,`service_day`,`prefix`,`seq`);--> statement-breakpoint
CREATE INDEX `tickets_queue` ON `tickets` (`hall_id`,`service_day`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_window` ON `tickets` (`window_id`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_service_day` ON `tickets` (`original_service_id`,`service_day`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_service_queue` ON `tickets` (`service_id`,`service_day`,`status`,`queued_at`,`priority`,`target_window_id`,`issued_at`);--> statement-breakpoint
CREATE TABLE `user_windows` (
	`user_id` integer NOT NULL,
	`window_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `window_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`window_id`) REFERENCES `windows`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`staff_no` text DEFAULT '' NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`photo_url` text,
	`disabled` integer DEFAULT false NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `window_services` (
	`window_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`tier` integer DEFAULT 1 NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`window_id`, `service_id`),
	FOREIGN KEY (`window_id`) REFERENCES `windows`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `windows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`zone_id` integer,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`mode` text DEFAULT 'specialist' NOT NULL,
	`status` text DEFAULT 'closed' NOT NULL,
	`pause_reason` text,
	`status_changed_at` integer,
	`clerk_id` integer,
	`backup_clerk_id` integer,
	`priority_streak` integer DEFAULT 0 NOT NULL,
	`prints_rating_slip` integer DEFAULT false NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zone_id`) REFERENCES `zones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clerk_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`backup_clerk_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `windows_hall_number` ON `windows` (`hall_id`,`number`);--> statement-breakpoint
CREATE TABLE `zones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`name` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`kind` text DEFAULT 'theme' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `zones_hall_name` ON `zones` (`hall_id`,`name`);