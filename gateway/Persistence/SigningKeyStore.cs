using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.IdentityModel.Tokens;
using Npgsql;

namespace Programmes.Gateway.Persistence;

/// <summary>
/// The RSA key that signs access tokens, kept in the gateway's database so that every gateway instance
/// signs with the same key and tokens survive restarts. The first instance to start creates it. Read when
/// OpenIddict's options are first built, so after the migrations have created the table.
/// </summary>
internal static class SigningKeyStore
{
    private const string Sql = """
        SELECT pg_advisory_xact_lock(20291);
        INSERT INTO gateway_signing_keys (key_id, private_key_pem)
        SELECT @key_id, @pem WHERE NOT EXISTS (SELECT 1 FROM gateway_signing_keys);
        SELECT key_id, private_key_pem FROM gateway_signing_keys ORDER BY created_at DESC LIMIT 1;
        """;

    public static RsaSecurityKey GetOrCreate(NpgsqlDataSource dataSource)
    {
        using var candidate = RSA.Create(2048);
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("key_id", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        command.Parameters.AddWithValue("pem", candidate.ExportRSAPrivateKeyPem());
        string keyId, pem;
        using (var reader = command.ExecuteReader())
        {
            do
            {
                if (reader.FieldCount == 2 && reader.Read())
                {
                    break;
                }
            }
            while (reader.NextResult());
            keyId = reader.GetString(0);
            pem = reader.GetString(1);
        }
        transaction.Commit();

        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa) { KeyId = keyId };
    }

    /// <summary>
    /// The key that encrypts authorization codes and refresh tokens, derived from the signing key (HKDF), so every
    /// instance has the same one and a code issued by one instance is redeemed by another. Never published.
    /// </summary>
    public static EncryptingCredentials EncryptionCredentialsFrom(RsaSecurityKey signingKey)
    {
        var secret = HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey.Rsa.ExportRSAPrivateKey(), 32,
            salt: [], info: "programmes-gateway-token-encryption"u8.ToArray());
        return new EncryptingCredentials(new SymmetricSecurityKey(secret) { KeyId = signingKey.KeyId + "-enc" },
            SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);
    }
}

/// <summary>A row of the signing-key table; the store reads and writes it with SQL, the migrations own it.</summary>
internal sealed class SigningKey
{
    public required string KeyId { get; init; }
    public required string PrivateKeyPem { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public const string Table = "gateway_signing_keys";

    public void Configure(EntityTypeBuilder<SigningKey> key)
    {
        key.ToTable(Table);
        key.HasKey(k => k.KeyId);
        key.Property(k => k.CreatedAt).HasDefaultValueSql("now()");
    }
}
