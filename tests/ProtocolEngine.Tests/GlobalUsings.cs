global using ProtocolEngine.Engine.Records.Persistence;
