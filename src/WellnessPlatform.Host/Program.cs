using WellnessPlatform.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWellnessPlatform();

var app = builder.Build();
app.UseWellnessPlatform();
app.Run();

/// <summary>Entry point; public so functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
