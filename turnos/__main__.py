from turnos.cli import main

raise SystemExit(main())
