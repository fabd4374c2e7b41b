from greencommunity.cli.app import main

main()
