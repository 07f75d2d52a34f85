CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`kind` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`ticket_id` integer,
	`booking_id` integer,
	`status` text NOT NULL,
	`error` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_key_unique` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_hall_time` ON `notifications` (`hall_id`,`created_at`);--> statement-breakpoint
-- SQLite cannot add a NOT NULL column without a default: the bookings table is rebuilt, and any
-- booking it already holds gets a random public code.
CREATE TABLE `__new_bookings` (
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
	`public_code` text NOT NULL,
	`checked_in_at` integer,
	`cancelled_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_bookings` (`id`, `hall_id`, `service_id`, `code`, `date`, `start`, `end`, `phone`, `status`, `ticket_id`, `public_code`, `created_at`, `updated_at`)
	SELECT `id`, `hall_id`, `service_id`, `code`, `date`, `start`, `end`, `phone`, `status`, `ticket_id`, lower(hex(randomblob(10))), `created_at`, `updated_at` FROM `bookings`;--> statement-breakpoint
DROP TABLE `bookings`;--> statement-breakpoint
ALTER TABLE `__new_bookings` RENAME TO `bookings`;--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_code_unique` ON `bookings` (`code`);--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_public_code_unique` ON `bookings` (`public_code`);--> statement-breakpoint
CREATE INDEX `bookings_slot` ON `bookings` (`service_id`,`date`,`start`);--> statement-breakpoint
CREATE INDEX `bookings_phone` ON `bookings` (`hall_id`,`phone`);--> statement-breakpoint
CREATE INDEX `bookings_status` ON `bookings` (`hall_id`,`status`,`date`);
