using Programmes.Messaging;
using Programmes.PartnerCoordination;
using Programmes.PartnerCoordination.Persistence;

var app = PartnerCoordinationService.Build(args);
await app.RunServiceAsync<CoordinationDb>();
