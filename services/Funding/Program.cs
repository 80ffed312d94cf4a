using Programmes.Funding;
using Programmes.Funding.Persistence;
using Programmes.Messaging;

var app = FundingService.Build(args);
await app.RunServiceAsync<FundingDb>();
