using System.Runtime.InteropServices;

namespace ArchiveForecast.Core.Releases;

/// <summary>Lowers the OS scheduling priority of the calling thread, so that any other thread of normal priority wins a core from it.</summary>
internal static partial class BackgroundPriority
{
    private const int PrioProcess = 0;
    private const int LowestNice = 19;
    private const int SchedIdle = 5;

    /// <summary>
    /// On Linux, gives the calling thread nice 19 and the SCHED_IDLE policy (both allowed to an unprivileged process
    /// for its own threads). Returns the thread's id when that worked, else null (other systems, or a refused call).
    /// </summary>
    /// <remarks>
    /// .NET's <see cref="Thread.Priority"/> is ignored on Linux, hence the calls to libc. The CFS/EEVDF scheduler
    /// preempts a SCHED_IDLE thread as soon as a normal thread wakes on its core, so the thread only gets cores no
    /// request wants. Elsewhere (Windows, macOS) it is a no-op: the service runs on Linux in Azure and here.
    /// </remarks>
    public static int? LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            int tid = GetTid();
            if (SetPriority(PrioProcess, tid, LowestNice) != 0)
            {
                return null;
            }

            // pid 0 is the calling thread. Nice 19 alone still lets the thread finish a time slice beside a waking request.
            var param = default(SchedParam);
            _ = SetScheduler(0, SchedIdle, ref param);
            return tid;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int pid, int policy, ref SchedParam param);
}
