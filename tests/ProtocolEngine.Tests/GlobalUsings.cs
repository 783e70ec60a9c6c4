global using ProtocolEngine.Engine.Storage;
