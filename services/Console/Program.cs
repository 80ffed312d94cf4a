using Programmes.Console;
using Programmes.ServiceDefaults;

var app = ConsoleService.Build(args);
await app.RunWithDatabaseAsync(() => app.PrepareAsync());
