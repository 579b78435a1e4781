from pyroad_worker.main import main

main()
