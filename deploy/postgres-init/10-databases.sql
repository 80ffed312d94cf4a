-- One database per service (see DESIGN.md, "A service owns its data").
-- Runs once, when the PostgreSQL volume is first initialised.
CREATE DATABASE intake;
CREATE DATABASE planning;
CREATE DATABASE coordination;
CREATE DATABASE funding;
CREATE DATABASE gateway;
CREATE DATABASE console;
