using System.Runtime.CompilerServices;

// Every signature is blittable (C bool as byte, pointers as pointers), so the runtime never marshals.
[assembly: DisableRuntimeMarshalling]
