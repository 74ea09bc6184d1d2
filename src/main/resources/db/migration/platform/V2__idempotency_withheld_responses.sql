-- responses that carry a secret shown once (new tokens) are never stored; replays say so instead
alter table platform.idempotency_key add column response_withheld boolean not null default false;
