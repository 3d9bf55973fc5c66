using ErpSimulator;

SimulatorApplication.Build(args).Run();
