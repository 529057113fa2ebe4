using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace RemoteIo.Compatibility.Tests.Support;

/// <summary>
/// Runs one of the Python clients in tests/clients with Debian's interpreter and modules. A missing
/// interpreter or module fails the test with the apt command that installs it — never a skip. The
/// process gets <see cref="Deadline"/> to finish and is killed after it (a safety net for a hung
/// client, not a synchronisation).
/// </summary>
public sealed class PythonScript : IAsyncDisposable
{
    /// <summary>Debian's interpreter: python3-pigpio and python3-gpiozero install into its dist-packages.</summary>
    public const string Interpreter = "/usr/bin/python3";

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private PythonScript(Process process)
    {
        _process = process;
    }

    /// <summary>Everything the script printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Fails loudly unless the interpreter and the Python modules are installed.</summary>
    /// <param name="modules">(module, Debian package) pairs, e.g. ("pigpio", "python3-pigpio").</param>
    public static void Require(params (string Module, string Package)[] modules)
    {
        var packages = string.Join(' ', modules.Select(m => m.Package).Prepend("python3"));
        if (!File.Exists(Interpreter))
        {
            throw new InvalidOperationException($"{Interpreter} is missing: the compatibility tests run Debian's Python clients. Install them: apt-get install -y {packages}");
        }

        var imports = string.Join(", ", modules.Select(m => m.Module).Prepend("sys"));
        using var probe = Process.Start(new ProcessStartInfo(Interpreter, ["-c", "import " + imports])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var error = probe.StandardError.ReadToEnd();
        probe.WaitForExit();
        if (probe.ExitCode != 0)
        {
            throw new InvalidOperationException($"Python modules missing for the compatibility tests ({error.Trim()}). Install them: apt-get install -y {packages}");
        }
    }

    /// <summary>Starts tests/clients/<paramref name="script"/> with <paramref name="arguments"/>.</summary>
    public static PythonScript Start(string script, params string[] arguments)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "clients", script);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the client script {script} was not copied to the test output", path);
        }

        var info = new ProcessStartInfo(Interpreter, [path, .. arguments])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PYTHONUNBUFFERED"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var run = new PythonScript(process);
        process.OutputDataReceived += (_, e) => run.OnLine(e.Data, stdout: true);
        process.ErrorDataReceived += (_, e) => run.OnLine(e.Data, stdout: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits until the script prints <paramref name="line"/> (e.g. READY).</summary>
    public async Task WaitForLineAsync(string line)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await foreach (var printed in _lines.Reader.ReadAllAsync(timeout.Token))
            {
                if (printed == line)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new Xunit.Sdk.XunitException($"the script never printed '{line}'. Output:\n{Output}");
    }

    /// <summary>Writes a line to the script's standard input (it answers a HOLD).</summary>
    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits for the script to end and fails the test unless it passed (exit code 0).</summary>
    /// <returns>Its output.</returns>
    public async Task<string> PassAsync()
    {
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await _stdoutClosed.Task.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"the script did not finish within {Deadline}. Output:\n{Output}");
        }

        if (_process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"the script failed (exit code {_process.ExitCode}). Output:\n{Output}");
        }

        return Output;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line, bool stdout)
    {
        if (line is null)
        {
            if (stdout)
            {
                _lines.Writer.TryComplete();
                _stdoutClosed.TrySetResult();
            }

            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (stdout)
        {
            _lines.Writer.TryWrite(line);
        }
    }
}
