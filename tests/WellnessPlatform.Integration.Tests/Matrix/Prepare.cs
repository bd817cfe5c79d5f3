namespace WellnessPlatform.Integration.Tests.Matrix;

/// <summary>Makes fresh data in <paramref name="tenant"/> for one cell and returns the scene naming it.</summary>
internal delegate Task<Scene> Prepare(MatrixWorld world, Scene scene, string tenant, Principal principal);

/// <summary>Reads, in <paramref name="tenant"/>, the state a cell's request is meant to change.</summary>
internal delegate Task<string> Observe(MatrixWorld world, Scene scene, string tenant);
