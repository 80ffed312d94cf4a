-- One database per service (docs/architecture.md).
-- Runs once, when the PostgreSQL volume is first initialised.
CREATE DATABASE intake;
CREATE DATABASE planning;
CREATE DATABASE coordination;
CREATE DATABASE funding;
CREATE DATABASE gateway;
CREATE DATABASE console;
-- Per-statement counts for the performance runs (docs/performance.md, "Where the CPU goes"); the library is
-- preloaded by compose's command line. The load generator also creates it when a volume predates this line.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
