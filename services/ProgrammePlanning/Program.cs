using Programmes.Messaging;
using Programmes.ProgrammePlanning;
using Programmes.ProgrammePlanning.Persistence;

var app = ProgrammePlanningService.Build(args);
await app.RunServiceAsync<PlanningDb>();
