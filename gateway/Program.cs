using Programmes.Gateway;

var app = GatewayService.Build(args);
// As the services: Database:MigrateOnly prepares the database and exits (the Kubernetes Job);
// Database:MigrateAtStartup=false leaves it to that Job.
if (app.Configuration.GetValue("Database:MigrateOnly", false) || app.Configuration.GetValue("Database:MigrateAtStartup", true))
{
    await app.PrepareAsync();
}
if (!app.Configuration.GetValue("Database:MigrateOnly", false))
{
    await app.RunAsync();
}
