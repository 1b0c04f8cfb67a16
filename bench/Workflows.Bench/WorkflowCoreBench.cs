using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Models.LifeCycleEvents;
using WorkflowCore.Services;

namespace OneThing.Workflows.Bench;

/// <summary>Data of one WorkflowCore instance: the key its three events carry.</summary>
public sealed class ForkJoinData
{
    public string Key { get; set; } = "";
}

/// <summary>The benchmark flow in WorkflowCore's fluent API: three parallel branches, each waiting for an event; join; end.</summary>
public sealed class ForkJoinWorkflow : IWorkflow<ForkJoinData>
{
    public const string EventName = "done";

    public string Id => WorkflowCoreBench.WorkflowId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<ForkJoinData> builder) =>
        builder
            .StartWith(_ => ExecutionResult.Next())
            .Parallel()
                .Do(branch => branch.StartWith(_ => ExecutionResult.Next()).WaitFor(EventName, data => data.Key + ":a"))
                .Do(branch => branch.StartWith(_ => ExecutionResult.Next()).WaitFor(EventName, data => data.Key + ":b"))
                .Do(branch => branch.StartWith(_ => ExecutionResult.Next()).WaitFor(EventName, data => data.Key + ":c"))
            .Join()
            .Then(_ => ExecutionResult.Next());
}

/// <summary>
/// WorkflowCore 3.22.0 on its default in-memory persistence (<see cref="MemoryPersistenceProvider"/>),
/// default single-node queue and lock. "Tuned" raises MaxConcurrentWorkflows (default 4), lowers the idle
/// time of its queue consumers (default 100 ms) and the poll interval (default 10 s): an event whose
/// instance is locked by another consumer (two branches resumed at once) is only retried by the poller.
/// </summary>
internal sealed class WorkflowCoreBench : IAsyncDisposable
{
    public const string WorkflowId = "bench-fork-join";

    private static readonly string[] Branches = ["a", "b", "c"];

    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;
    private readonly SubscriptionObserver _observer;
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completions = new();
    private int _completed;

    private WorkflowCoreBench(ServiceProvider services, IWorkflowHost host, SubscriptionObserver observer, string description)
    {
        _services = services;
        _host = host;
        _observer = observer;
        Description = description;
        _host.OnLifeCycleEvent += OnLifeCycleEvent;
    }

    public string Description { get; }

    public int Completed => Volatile.Read(ref _completed);

    public static async Task<WorkflowCoreBench> CreateAsync(bool tuned, int concurrency)
    {
        var observer = new SubscriptionObserver();
        var memory = new MemoryPersistenceProvider();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow(options =>
        {
            // The default in-memory store, watched so the bench resumes only once all three branches wait.
            options.UsePersistence(_ => new ObservedPersistence(memory, observer));
            if (tuned)
            {
                options.UseMaxConcurrentWorkflows(Math.Max(16, concurrency * 2));
                options.UseIdleTime(TimeSpan.FromMilliseconds(1));
                options.UsePollInterval(TimeSpan.FromMilliseconds(20));
            }
        });
        var provider = services.BuildServiceProvider();
        var host = provider.GetRequiredService<IWorkflowHost>();
        host.RegisterWorkflow<ForkJoinWorkflow, ForkJoinData>();
        await host.StartAsync(CancellationToken.None);
        var description = tuned
            ? $"MemoryPersistenceProvider, MaxConcurrentWorkflows={Math.Max(16, concurrency * 2)}, IdleTime=1 ms, PollInterval=20 ms (the best of the settings tried)"
            : "MemoryPersistenceProvider, default options (MaxConcurrentWorkflows=4, IdleTime=100 ms, PollInterval=10 s)";
        return new WorkflowCoreBench(provider, host, observer, description);
    }

    /// <summary>Starts an instance and waits until its three branches subscribed to their events.</summary>
    public async Task<string> StartAsync()
    {
        var key = Guid.NewGuid().ToString("N");
        var waiting = _observer.Expect(key, Branches.Length);
        await _host.StartWorkflow(WorkflowId, 1, new ForkJoinData { Key = key }, key);
        await waiting.WaitAsync(TimeSpan.FromMinutes(2));
        return key;
    }

    /// <summary>The whole flow: start, wait until it waits, publish the three events, wait for completion.</summary>
    public async Task RunInstanceAsync()
    {
        var key = await StartAsync();
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _completions[key] = completion;
        foreach (var branch in Branches)
        {
            await _host.PublishEvent(ForkJoinWorkflow.EventName, $"{key}:{branch}", null);
        }

        await completion.Task.WaitAsync(TimeSpan.FromMinutes(2));
        _completions.TryRemove(key, out _);
    }

    private void OnLifeCycleEvent(LifeCycleEvent evt)
    {
        if (evt is WorkflowCompleted)
        {
            Interlocked.Increment(ref _completed);
            if (evt.Reference is { } key && _completions.TryGetValue(key, out var completion))
            {
                completion.TrySetResult();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _host.OnLifeCycleEvent -= OnLifeCycleEvent;
        await _host.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }

    /// <summary>Signals when an instance's event subscriptions exist (keys are "{instance key}:{branch}").</summary>
    private sealed class SubscriptionObserver
    {
        private readonly ConcurrentDictionary<string, Expectation> _expected = new();

        public Task Expect(string key, int subscriptions)
        {
            var expectation = new Expectation(subscriptions);
            _expected[key] = expectation;
            return expectation.Done.Task;
        }

        public void Created(EventSubscription subscription)
        {
            var eventKey = subscription.EventKey ?? "";
            var colon = eventKey.LastIndexOf(':');
            var key = colon < 0 ? eventKey : eventKey[..colon];
            if (_expected.TryGetValue(key, out var expectation) && Interlocked.Decrement(ref expectation.Remaining) == 0)
            {
                _expected.TryRemove(key, out _);
                expectation.Done.TrySetResult();
            }
        }

        private sealed class Expectation(int remaining)
        {
            public int Remaining = remaining;

            public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Forwards everything to WorkflowCore's in-memory store; reports subscriptions once stored.</summary>
    private sealed class ObservedPersistence(IPersistenceProvider inner, SubscriptionObserver observer) : IPersistenceProvider
    {
        public bool SupportsScheduledCommands => inner.SupportsScheduledCommands;

        public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
        {
            var id = await inner.CreateEventSubscription(subscription, cancellationToken);
            observer.Created(subscription);
            return id;
        }

        public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
        {
            await inner.PersistWorkflow(workflow, subscriptions, cancellationToken);
            foreach (var subscription in subscriptions)
            {
                observer.Created(subscription);
            }
        }

        public Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) => inner.CreateNewWorkflow(workflow, cancellationToken);

        public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) => inner.PersistWorkflow(workflow, cancellationToken);

        public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableInstances(asAt, cancellationToken);

#pragma warning disable CS0612, CS0618 // obsolete in WorkflowCore, still part of the interface
        public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
            inner.GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take);
#pragma warning restore CS0612, CS0618

        public Task<WorkflowInstance> GetWorkflowInstance(string id, CancellationToken cancellationToken = default) => inner.GetWorkflowInstance(id, cancellationToken);

        public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) => inner.GetWorkflowInstances(ids, cancellationToken);

        public Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
            inner.GetSubscriptions(eventName, eventKey, asOf, cancellationToken);

        public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.TerminateSubscription(eventSubscriptionId, cancellationToken);

        public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) => inner.GetSubscription(eventSubscriptionId, cancellationToken);

        public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
            inner.GetFirstOpenSubscription(eventName, eventKey, asOf, cancellationToken);

        public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) =>
            inner.SetSubscriptionToken(eventSubscriptionId, token, workerId, expiry, cancellationToken);

        public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) =>
            inner.ClearSubscriptionToken(eventSubscriptionId, token, cancellationToken);

        public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) => inner.CreateEvent(newEvent, cancellationToken);

        public Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) => inner.GetEvent(id, cancellationToken);

        public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) => inner.GetRunnableEvents(asAt, cancellationToken);

        public Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
            inner.GetEvents(eventName, eventKey, asOf, cancellationToken);

        public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventProcessed(id, cancellationToken);

        public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) => inner.MarkEventUnprocessed(id, cancellationToken);

        public Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default) => inner.PersistErrors(errors, cancellationToken);

        public void EnsureStoreExists() => inner.EnsureStoreExists();

        public Task ScheduleCommand(ScheduledCommand command) => inner.ScheduleCommand(command);

        public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) =>
            inner.ProcessCommands(asOf, action, cancellationToken);
    }
}
