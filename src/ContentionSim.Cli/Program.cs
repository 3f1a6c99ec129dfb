ContentionSim.Reporting.Probe.P(); Console.WriteLine("ok");
