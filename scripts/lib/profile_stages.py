#!/usr/bin/env python3
"""Attributes a sampled-thread-time trace (speedscope JSON from dotnet-trace convert) to pipeline stages.

Usage: profile_stages.py MODE PREFIX SECONDS, where PREFIX.speedscope.json, PREFIX.counters.csv and
PREFIX.threads-{before,after}.txt were written by scripts/profile.sh over the same window.

A sample counts as CPU when its stack ends in CPU_TIME (managed code running). Samples ending in
UNMANAGED_CODE_TIME are counted as CPU too unless a frame above them is a wait (a blocked thread);
that keeps syscalls such as socket sends and misses only time spent blocked. GC runs on native
threads the sampler never sees, so its CPU is read per thread from /proc instead.
"""
import collections
import csv
import json
import re
import sys

# (stage, owns, pattern). A sample goes to the leaf-most frame that matches a stage; if that stage does not
# own its callees, the nearest owning stage above it takes the sample instead (a storage write owns the
# serialization under it; a JSON or Orleans frame under the endpoint does not belong to the endpoint).
# Middleware that calls the rest of the pipeline never owns: only its own work (the handlers) does.
STAGES = [
    ("GetGrain (interface type read by reflection each call)", True, r"Orleans\.GrainFactory\.GetGrain|GrainInterfaceTypeResolver"),
    ("time zone lookup", True, r"TimeZoneInfo\.TryFindSystemTimeZoneById|TimeZoneInfo\.FindSystemTimeZoneById"),
    ("outbox retry timer", True, r"ContributionDelivery\+<>c__DisplayClass.*ScheduleRetry|ContributionDelivery.*<ScheduleRetry>|ContributionDelivery\.<ScheduleRetry>"),
    ("storage write (grain state)", True, r"StateStorageBridge|MemoryGrainStorage|MemoryStorageGrain|AzureTableGrainStorage|GrainStorageSerializer|EmployeeGrain\+<WriteAsync>|EmployeeGrain\.WriteAsync|MeasuringGrainStorage"),
    ("shard grain (apply, flush)", True, r"TenantAggregateShardGrain"),
    ("shard delivery (caller side)", True, r"ContributionDelivery"),
    ("tenant grain", True, r"WellnessPlatform\.Grains\.Tenants"),
    ("authentication (JWT)", True, r"AuthenticationHandler|JwtBearerHandler|Microsoft\.IdentityModel|System\.IdentityModel|AuthenticationService|AuthenticationHttpContextExtensions"),
    ("authorization", True, r"DefaultAuthorizationService|AuthorizationHandler|PolicyEvaluator|AuthorizationPolicy|DefaultAuthorizationPolicyProvider|WellnessPlatform\.Host\.Security\.Access"),
    ("rate limiting", True, r"System\.Threading\.RateLimiting|RateLimitingMiddleware\.TryAcquire|PartitionedRateLimiter|RateLimitingExtensions"),
    ("OpenTelemetry, metrics, Activity", True, r"OpenTelemetry|System\.Diagnostics\.Activity|DiagnosticListener|System\.Diagnostics\.Metrics|HostingApplicationDiagnostics|HostingMetrics|PersonalDataScrubber"),
    ("logging", True, r"Microsoft\.Extensions\.Logging|LoggerMessage"),
    ("tenant stamping, tenant boundary, route checks", False, r"TenantStamping|RouteIdsFilter|TenantContext|TenantBoundary|Isolation"),
    ("problem details, exception handler, timeouts, status pages", False, r"ExceptionHandler|StatusCodePages|RequestTimeouts|ProblemDetails|StaticFile|GatewayExtensions"),
    ("JSON (request and answer)", False, r"System\.Text\.Json|HttpRequestJsonExtensions|HttpResponseJsonExtensions|JsonHttpResult"),
    ("employee grain: rules and record", False, r"WellnessPlatform\.Domain|WellnessPlatform\.Grains\.Employees"),
    ("endpoint (our handler)", False, r"WellnessPlatform\.Host\.Api|RequestDelegateFactory"),
    ("routing", False, r"Microsoft\.AspNetCore\.Routing"),
    ("Orleans deep copy (arguments, results, request context)", False, r"Orleans\.Serialization\.Cloning|Copier|DeepCopy|RequestContextExtensions"),
    ("Orleans serialization", False, r"Orleans\.Serialization"),
    ("Orleans messaging, scheduling, invocation", False, r"Orleans\."),
    ("Kestrel, HTTP parsing, ASP.NET Core plumbing", False, r"Microsoft\.AspNetCore\.Server\.Kestrel|System\.Net\.Sockets|System\.IO\.Pipelines|Microsoft\.AspNetCore\.Hosting|Microsoft\.AspNetCore\.Http|Microsoft\.AspNetCore\.Authentication|Microsoft\.AspNetCore\.Authorization|Microsoft\.AspNetCore\.RateLimiting"),
    ("benchmark driver", False, r"^WellnessPlatform\.Benchmarks!"),
]
COMPILED = [(name, owns, re.compile(p)) for name, owns, p in STAGES]


# Frames of libraries that wrap the whole request (OpenTelemetry's ASP.NET Core startup filter): plumbing.
WRAPPERS = re.compile(r"HttpServerErrorTypeStartupFilter")
PLUMBING = ("Kestrel, HTTP parsing, ASP.NET Core plumbing", False)


def stage_of(names):
    """The stage of one sample's frames (root..leaf): see STAGES."""
    found = None
    for frame in reversed(names):
        match = PLUMBING if WRAPPERS.search(frame) else next(((name, owns) for name, owns, rx in COMPILED if rx.search(frame)), None)
        if match is None:
            continue
        if found is None:
            found = match
            if match[1]:
                return match[0]
        elif match[1]:
            return match[0]
    return found[0] if found else "runtime, thread pool, other"
# The frame under the sample marker of a thread that is not running: a wait, a GC suspension, a blocking read.
# (LowLevelSpinWaiter is the thread pool spinning before it blocks: that burns CPU and is kept.)
# MetricsEventSource.get_Handler is dotnet-counters' own listener thread, parked there for the whole window.
WAIT = re.compile(r"MetricsEventSource\.get_Handler|WaitHandle\.Wait|WaitOneNoCheck|Monitor\.Wait|LowLevelLifoSemaphore\.WaitNative|PollGC|Thread\.Sleep|Interop\+Sys\.(Read|WaitForSocketEvents|Poll)|SocketAsyncEngine\.EventLoop|Thread\.Join|^\?!\?$|WaitForSignal|WaitCore|GC\.RunFinalizers\(")


def stacks(profile, frames):
    """Yields (frame names root..leaf, weight in seconds) for each sample of one thread's profile."""
    unit = {"nanoseconds": 1e-9, "microseconds": 1e-6, "milliseconds": 1e-3, "seconds": 1}.get(profile.get("unit", "milliseconds"), 1e-3)
    if profile["type"] == "sampled":
        for sample, weight in zip(profile["samples"], profile["weights"]):
            yield [frames[i] for i in sample], weight * unit
        return
    stack, last = [], None
    for event in profile["events"]:
        if stack and last is not None and event["at"] > last:
            yield [frames[i] for i in stack], (event["at"] - last) * unit
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            # Closes the innermost open frame with this index.
            for k in range(len(stack) - 1, -1, -1):
                if stack[k] == event["frame"]:
                    del stack[k:]
                    break


def thread_cpu(path):
    """CPU seconds per thread name (utime + stime, 100 ticks a second) from a threads-*.txt snapshot."""
    totals = collections.Counter()
    for line in open(path, encoding="utf-8"):
        name, _, ticks = line.rstrip("\n").partition("\t")
        parts = ticks.split()
        if len(parts) == 2:
            totals[(name, "n")] += 1
            totals[name] += (int(parts[0]) + int(parts[1])) / 100
    return totals


def counters(path):
    """Sums of the rate counters over the window, by counter name."""
    sums = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) >= 5 and row[3] == "Rate":
                try:
                    sums[row[2]] += float(row[4])
                except ValueError:
                    pass
    return sums


def main():
    mode, prefix, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    doc = json.load(open(prefix + ".speedscope.json", encoding="utf-8"))
    frames = [f["name"] for f in doc["shared"]["frames"]]
    by_stage = collections.Counter()
    leaf_self = collections.Counter()
    total = blocked = 0.0
    for profile in doc["profiles"]:
        for stack, weight in stacks(profile, frames):
            if not stack:
                continue
            leaf = stack[-1]
            if len(stack) < 2 or WAIT.search(stack[-2]):
                blocked += weight
                continue
            total += weight
            names = stack[:-1] if leaf in ("CPU_TIME", "UNMANAGED_CODE_TIME") else stack
            stage = stage_of(names)
            by_stage[stage] += weight
            if names:
                leaf_self[names[-1][:140]] += weight

    before, after = thread_cpu(prefix + ".threads-before.txt"), thread_cpu(prefix + ".threads-after.txt")
    cpu = {name: after[name] - before.get(name, 0) for name in after if isinstance(name, str)}
    gc = sum(v for k, v in cpu.items() if k.startswith(".NET Server GC") or k.startswith(".NET BGC") or k.startswith(".NET Background"))
    tracing = sum(v for k, v in cpu.items() if "EventPipe" in k or "SampleProf" in k or k.startswith(".NET DS"))
    sums = counters(prefix + ".counters.csv")
    # The runtime's own figure for the whole process over the window; /proc's per-thread split gives the GC part.
    process = sum(v for k, v in sums.items() if k.startswith("dotnet.process.cpu.time")) or sum(cpu.values())
    work = process - gc - tracing

    sessions = next((v for k, v in sums.items() if "wellness.sessions.logged" in k), 0.0)
    allocated = next((v for k, v in sums.items() if "alloc" in k.lower()), 0.0)
    per = work / sessions * 1e6 if sessions else float("nan")
    print(f"## {mode}: {seconds:.0f} s window, {sessions:,.0f} sessions ({sessions / seconds:,.0f}/s)")
    print(f"process CPU {process:.2f} s = managed threads {work:.2f} s + GC threads {gc:.2f} s + tracing {tracing:.2f} s; "
          f"sampled CPU {total:.1f} s, blocked {blocked:.1f} s")
    print(f"allocated {allocated / 1e6:,.0f} MB = {allocated / sessions if sessions else 0:,.0f} bytes per session")
    print()
    print(f"| stage | µs per session | share |")
    print("| --- | --- | --- |")
    for stage, weight in by_stage.most_common():
        print(f"| {stage} | {weight / total * per:,.1f} | {weight / total * work / (work + gc):.1%} |")
    if sessions:
        print(f"| GC (server GC threads, from /proc) | {gc / sessions * 1e6:,.1f} | {gc / (work + gc):.1%} |")
        print(f"| total | {(work + gc) / sessions * 1e6:,.1f} | 100 % |")
    print()
    print("threads by CPU seconds:", ", ".join(f"{k} {v:.2f}" for k, v in sorted(cpu.items(), key=lambda kv: -kv[1])[:12]))
    print()
    print("top leaf frames (self time, share of sampled CPU):")
    for name, weight in leaf_self.most_common(40):
        print(f"  {weight / total:6.1%}  {name}")


if __name__ == "__main__":
    main()
