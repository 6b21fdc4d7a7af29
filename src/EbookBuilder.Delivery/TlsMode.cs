namespace EbookBuilder.Delivery;

/// <summary>How the SMTP connection is secured.</summary>
public enum TlsMode
{
    /// <summary>TLS from the start on port 465, STARTTLS where the server offers it otherwise.</summary>
    Auto,
    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    Ssl,
    /// <summary>Plain, then STARTTLS, which the server must offer (port 587).</summary>
    StartTls,
    /// <summary>No TLS (a local relay or a test server only).</summary>
    None,
}
