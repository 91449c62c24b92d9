from meetingtui.cli import main

main()
