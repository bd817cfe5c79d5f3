using WellnessPlatform.Host.Api;
using WellnessPlatform.Host.Demo;
using WellnessPlatform.Host.Hosting;
using WellnessPlatform.Host.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddWellnessSilo();
builder.AddWellnessTelemetry();
builder.AddWellnessHealth();
builder.AddWellnessGateway();
builder.AddWellnessAuth();
builder.AddDevSignIn();
builder.AddWellnessRateLimiting();
builder.AddDemoData();

var app = builder.Build();

app.UseWellnessGateway();
app.MapWellnessHealth();
app.MapWellnessApi();

app.Run();

/// <summary>Entry point; public so functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
