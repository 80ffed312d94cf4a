-- One database per service (see DESIGN.md, "A service owns its data").
-- Runs once, when the PostgreSQL volume is first initialised.
CREATE DATABASE intake;
CREATE DATABASE planning;
CREATE DATABASE coordination;
CREATE DATABASE funding;
CREATE DATABASE gateway;
-- Per-statement counts for the performance runs (docs/performance.md, "Where the CPU goes"); the library is
-- preloaded by compose's command line. The load generator also creates it when a volume predates this line.
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
