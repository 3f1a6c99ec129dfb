using ContentionSim.Cli;

return ContentionSimCli.Run(args, CliConsole.System());
