CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`name` text NOT NULL,
	`key_hash` text NOT NULL,
	`key_prefix` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` integer,
	`revoked_at` integer,
	`last_used_at` integer,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_key_hash_unique` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_hall` ON `api_keys` (`hall_id`);--> statement-breakpoint
CREATE TABLE `case_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`case_number` text NOT NULL,
	`service_code` text NOT NULL,
	`service_name` text NOT NULL,
	`department` text NOT NULL,
	`department_code` text,
	`applicant_name` text,
	`applicant_id` text,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_files_number` ON `case_files` (`hall_id`,`case_number`);--> statement-breakpoint
CREATE INDEX `case_files_ticket` ON `case_files` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `exchange_endpoints` (
	`hall_id` integer PRIMARY KEY NOT NULL,
	`endpoint` text,
	`secret` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hall_id` integer NOT NULL,
	`message_id` text NOT NULL,
	`type` text NOT NULL,
	`rating_id` integer,
	`case_id` integer,
	`data` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`last_status` integer,
	`service_day` text NOT NULL,
	`created_at` integer NOT NULL,
	`first_attempt_at` integer,
	`acknowledged_at` integer,
	`dead_at` integer,
	FOREIGN KEY (`hall_id`) REFERENCES `halls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_unique` ON `outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_hall_day` ON `outbox` (`hall_id`,`service_day`);--> statement-breakpoint
ALTER TABLE `case_steps` ADD `reached` integer;--> statement-breakpoint
ALTER TABLE `case_steps` ADD `satisfied` integer;--> statement-breakpoint
ALTER TABLE `halls` ADD `region_code` text;--> statement-breakpoint
ALTER TABLE `halls` ADD `org_code` text;--> statement-breakpoint
ALTER TABLE `rating_cases` ADD `handler_id` integer;--> statement-breakpoint
ALTER TABLE `rating_cases` ADD `escalated_at` integer;--> statement-breakpoint
ALTER TABLE `ratings` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `ratings` ADD `contact_consent_at` integer;