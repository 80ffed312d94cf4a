using Programmes.Messaging;
using Programmes.Funding;
using Programmes.Funding.Persistence;

var app = FundingService.Build(args);
await app.RunServiceAsync<FundingDb>();
