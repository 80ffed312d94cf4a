using Programmes.Gateway;
using Programmes.ServiceDefaults;

var app = GatewayService.Build(args);
await app.RunWithDatabaseAsync(() => app.PrepareAsync());
