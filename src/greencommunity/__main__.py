from greencommunity.cli.entry import main

main()
