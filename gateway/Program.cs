using Programmes.Gateway;

var app = GatewayService.Build(args);
await app.PrepareAsync();
await app.RunAsync();
