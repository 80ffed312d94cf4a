using Programmes.Messaging;
using Programmes.PartnerCoordination;
using Programmes.PartnerCoordination.Persistence;

var app = PartnerCoordinationService.Build(args);
await app.MigrateDatabaseAsync<CoordinationDb>();
await app.RunAsync();
