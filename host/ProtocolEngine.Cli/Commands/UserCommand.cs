using System.CommandLine;
using ProtocolEngine.Cli.Records;
using ProtocolEngine.Engine.Security;

namespace ProtocolEngine.Cli.Commands;

/// <summary>`user add`: an administrator adds a user with a role (the new password from --password-env or a prompt); `user unlock NAME` lifts a lockout of failed logins.</summary>
public static class UserCommand
{
    public static Command Create(CliConsole console, RecordsCliServices services)
    {
        var options = new RecordOptions();
        var factory = new SessionFactory(console, services, options);
        var name = new Option<string>("--name") { Description = "User name.", Required = true };
        var role = new Option<string>("--role") { Description = "administrator, coordinator, investigator, statistician or monitor.", Required = true };
        role.AcceptOnlyFromAmong("administrator", "coordinator", "investigator", "statistician", "monitor");
        var passwordEnv = new Option<string?>("--password-env") { Description = "Environment variable holding the new user's password (else a prompt)." };
        var add = options.AddTo(new Command("add", "Add a user (administrators only).") { name, role, passwordEnv });
        add.SetAction(parse =>
        {
            var password = parse.GetValue(passwordEnv) is { } env ? services.Environment(env) : services.Prompt.Ask("New user's password", secret: true);
            if (string.IsNullOrEmpty(password))
                throw new CliInputException("--password-env: no password for the new user (name an environment variable that holds it, or run in a terminal).");
            using var open = factory.Open(parse);
            var account = new UserService(open.Session).Add(parse.GetValue(name)!, Enum.Parse<Role>(parse.GetValue(role)!, ignoreCase: true), password);
            return RecordOutput.Write(console, options.Json(parse), new { user = account.Id, role = account.Role },
                () => $"Added user '{account.Id}' ({account.Role.ToString().ToLowerInvariant()}).");
        });
        var unlockName = new Argument<string>("NAME") { Description = "The user name whose failed logins locked it." };
        var unlock = options.AddTo(new Command("unlock", "Lift the lock that failed logins put on a user name (administrators only).") { unlockName });
        unlock.SetAction(parse =>
        {
            using var open = factory.Open(parse);
            var cleared = LoginThrottle.Unlock(open.Session, parse.GetValue(unlockName)!);
            return RecordOutput.Write(console, options.Json(parse), new { user = cleared.Id, unlocked = true },
                () => $"Unlocked '{cleared.Id}': its failed logins are cleared.");
        });
        return new Command("user", "Manage users.") { add, unlock };
    }
}
