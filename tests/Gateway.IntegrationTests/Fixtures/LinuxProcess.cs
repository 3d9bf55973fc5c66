using System.Globalization;
using System.Runtime.InteropServices;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// A process as <c>/proc</c> shows it, told apart from a later one that reuses its id by its start time. For tests of
/// processes the test did not start itself (a script's children) and of signals .NET does not send (SIGTERM, SIGSTOP).
/// </summary>
internal sealed record LinuxProcess(int Id, string StartTime)
{
    public const int SignalKill = 9;        // SIGKILL on Linux
    public const int SignalTerminate = 15;  // SIGTERM
    public const int SignalContinue = 18;   // SIGCONT
    public const int SignalStop = 19;       // SIGSTOP

    /// <summary>The live children of <paramref name="parentId"/> whose command line contains <paramref name="commandPart"/>.</summary>
    public static IReadOnlyList<LinuxProcess> ChildrenOf(int parentId, string commandPart) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? Read(id) : null)
            .OfType<(LinuxProcess Process, int ParentId, char State)>()
            .Where(p => p.ParentId == parentId && p.State != 'Z' && p.Process.CommandLine.Contains(commandPart, StringComparison.Ordinal))
            .Select(p => p.Process),
    ];

    /// <summary>Still running: the same process (not one reusing its id) and not a zombie waiting to be reaped.</summary>
    public bool IsRunning => Read(Id) is { } now && now.Process == this && now.State != 'Z';

    public string CommandLine => File.Exists($"/proc/{Id}/cmdline") ? File.ReadAllText($"/proc/{Id}/cmdline").Replace('\0', ' ') : "";

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone.</summary>
    public static bool Signal(int processId, int signal) => Kill(processId, signal) == 0;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int Kill(int processId, int signal);

    static (LinuxProcess Process, int ParentId, char State)? Read(int id)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{id}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ... starttime ...": comm may hold spaces and parentheses, so fields count from the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (new LinuxProcess(id, fields[19]), int.Parse(fields[1], CultureInfo.InvariantCulture), fields[0][0]);
    }
}
