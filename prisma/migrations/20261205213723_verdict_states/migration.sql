-- AlterEnum
-- The verdict states of issue 11 (summary version 2). The new values are placed so that sorting by
-- the enum reads go (self-host, hosted), hybrid, stay on the API, blocked, not enough information.
-- "go" and "no_go" stay: immutable review snapshots written under summary version 1 keep them.
-- Each ALTER TYPE ... ADD VALUE commits before a value can be used; nothing here uses them.
ALTER TYPE "AssessmentVerdict" ADD VALUE 'go_self_host' BEFORE 'go';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'go_hosted' BEFORE 'go';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'stay_api' AFTER 'hybrid';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'blocked' AFTER 'stay_api';
ALTER TYPE "AssessmentVerdict" ADD VALUE 'insufficient' AFTER 'blocked';
