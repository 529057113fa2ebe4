using System.Reflection;
using Xunit;

namespace RemoteIo.Actors.Kernel.Tests;

/// <summary>DESIGN.md: the kernel never references Gpio, Pins or Protocol.</summary>
public sealed class LayeringTests
{
    private static readonly string[] Forbidden = ["Gpio", "Pins", "Protocol", "Remote", "Compat", "Hosting"];

    [Fact]
    public void KernelAssembly_ReferencedAssemblies_NoneFromHigherLayers()
    {
        var referenced = typeof(ActorSystem).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("RemoteIo.Actors.Configuration", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("RemoteIo.", StringComparison.Ordinal) && name.Split('.').Intersect(Forbidden).Any());
    }

    [Fact]
    public void KernelTypes_EverySignature_UsesOnlyKernelConfigurationAndFrameworkTypes()
    {
        var offending = new List<string>();
        foreach (var type in typeof(ActorSystem).Assembly.GetTypes())
        {
            if (type.Namespace?.StartsWith("RemoteIo", StringComparison.Ordinal) == true)
            {
                Assert.StartsWith("RemoteIo.Actors.Kernel", type.Namespace, StringComparison.Ordinal);
            }

            foreach (var used in TypesIn(type))
            {
                var assembly = used.Assembly.GetName().Name!;
                if (assembly.StartsWith("RemoteIo", StringComparison.Ordinal) && assembly is not ("RemoteIo.Actors.Kernel" or "RemoteIo.Actors.Configuration"))
                {
                    offending.Add($"{type.FullName} uses {used.FullName} from {assembly}");
                }
            }
        }

        Assert.Empty(offending);
    }

    private static IEnumerable<Type> TypesIn(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var field in type.GetFields(all))
        {
            yield return field.FieldType;
        }

        foreach (var method in type.GetMethods(all).Concat<MethodBase>(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
        }
    }
}
