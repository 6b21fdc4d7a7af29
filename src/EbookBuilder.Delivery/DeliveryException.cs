namespace EbookBuilder.Delivery;

/// <summary>A delivery that cannot be made, said as the user can act on it (what, where, what to do).</summary>
public sealed class DeliveryException(string message, Exception? inner = null) : Exception(message, inner);
