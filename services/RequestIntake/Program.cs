using Programmes.Messaging;
using Programmes.RequestIntake;
using Programmes.RequestIntake.Persistence;

var app = RequestIntakeService.Build(args);
await app.RunServiceAsync<IntakeDb>();
