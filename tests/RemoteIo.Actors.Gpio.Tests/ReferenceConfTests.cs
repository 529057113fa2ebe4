using System.Globalization;
using System.Reflection;
using RemoteIo.Actors.Configuration;
using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Timing;
using Xunit;

namespace RemoteIo.Actors.Gpio.Tests;

/// <summary>
/// hocon/reference.conf's <c>remoteio.gpio</c> section and <see cref="GpioOptions"/> describe the
/// same settings: every key is a property (kebab-case to PascalCase, as the host's binder maps
/// them), every property has a key, and every default is the same.
/// </summary>
public sealed class ReferenceConfTests
{
    /// <summary>The section.</summary>
    private static readonly Config Gpio = ConfigurationFactory.Reference().GetConfig("remoteio.gpio");

    [Fact]
    public void Section_EveryKey_IsAPropertyWithTheSameDefault()
    {
        foreach (var (key, _) in Gpio.AsEnumerable())
        {
            var (owner, property) = Resolve(key);
            var actual = property.GetValue(owner);
            object expected = property.PropertyType switch
            {
                var t when t == typeof(TimeSpan) => Gpio.GetTimeSpan(key),
                var t when t == typeof(int) => Gpio.GetInt(key),
                var t when t == typeof(double) => Gpio.GetDouble(key),
                var t when t.IsEnum => Enum.Parse(t, Gpio.GetString(key).Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true),
                var t when t == typeof(IReadOnlyList<SimulatedWire>) => string.Join(", ", Gpio.GetStringList(key).Select(SimulatedWire.Parse)),
                _ => Gpio.GetString(key),
            };
            if (actual is IReadOnlyList<SimulatedWire> wires)
            {
                actual = string.Join(", ", wires); // lists compare by content
            }

            Assert.True(Equals(expected, actual), $"remoteio.gpio.{key} = {expected} but {property.DeclaringType!.Name}.{property.Name} defaults to {actual}");
        }
    }

    [Fact]
    public void Options_EveryProperty_HasAKey()
    {
        var keys = Gpio.AsEnumerable().Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Leaves(typeof(GpioOptions), string.Empty))
        {
            Assert.True(keys.Contains(path), $"GpioOptions has {path} but reference.conf's remoteio.gpio section does not document it");
        }
    }

    /// <summary>The property a dotted kebab-case key names, and the default object holding it.</summary>
    private static (object Owner, PropertyInfo Property) Resolve(string key)
    {
        object owner = GpioOptions.Default;
        PropertyInfo? property = null;
        foreach (var part in key.Split('.'))
        {
            if (property is not null)
            {
                owner = property.GetValue(owner)!;
            }

            var name = string.Concat(part.Split('-').Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
            property = owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            Assert.True(property is not null, $"remoteio.gpio.{key}: {owner.GetType().Name} has no property {name}");
        }

        return (owner, property!);
    }

    /// <summary>The settable leaf properties of an options type, as dotted kebab-case keys.</summary>
    private static IEnumerable<string> Leaves(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
        {
            var key = prefix + string.Concat(property.Name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
            if (property.PropertyType == typeof(GpioSimulationOptions) || property.PropertyType == typeof(EdgeSchedulerOptions))
            {
                foreach (var leaf in Leaves(property.PropertyType, key + "."))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return key;
            }
        }
    }
}
